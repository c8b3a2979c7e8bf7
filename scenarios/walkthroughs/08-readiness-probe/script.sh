# Behaviour 26: a pod that fails its readiness probe leaves the endpoints; `touch /var/ready` brings it back
# at the probe's next period.
kubectl apply -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 2
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
        ports:
        - containerPort: 8080
        readinessProbe:
          exec:
            command: ["ls", "/var/ready"]
---
apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  selector:
    app: kubia
  ports:
  - port: 80
    targetPort: 8080
YAML
kubectl get pods
kubectl get endpoints kubia
POD=$(kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}')
kubectl exec $POD -- touch /var/ready
kubectl get endpoints kubia
sleep 10
kubectl get pods
kubectl get endpoints kubia
kubectl exec $POD -- rm /var/ready
sleep 30
kubectl get endpoints kubia -o yaml
kubectl describe pod $POD | tail -n 4
