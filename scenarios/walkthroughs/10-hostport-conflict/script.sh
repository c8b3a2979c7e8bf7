# Behaviour 6: two pods asking for the same hostPort cannot share a node; with two workers the third stays Pending.
kubectl apply -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hp
spec:
  replicas: 3
  selector:
    matchLabels:
      app: hp
  template:
    metadata:
      labels:
        app: hp
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - containerPort: 80
          hostPort: 8080
YAML
kubectl get pods -o wide
POD=$(kubectl get pods --field-selector=status.phase=Pending -o jsonpath='{.items[0].metadata.name}')
kubectl describe pod $POD | tail -n 3
