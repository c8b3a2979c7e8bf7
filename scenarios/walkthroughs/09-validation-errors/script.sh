# The API server's own messages for common mistakes; a rejected object changes nothing.
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: bad-nodeport
spec:
  type: NodePort
  selector:
    app: kubia
  ports:
  - port: 80
    nodePort: 80
YAML
kubectl get svc
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: Kubia
spec:
  ports:
  - port: 80
YAML
kubectl apply -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: mismatch
spec:
  selector:
    matchLabels:
      app: a
  template:
    metadata:
      labels:
        app: b
    spec:
      containers:
      - name: c
        image: nginx
YAML
kubectl apply -f - <<YAML
apiVersion: v1
kind: Widget
metadata:
  name: w
YAML
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: broken
  spec: [
YAML
kubectl get svc kubia
kubectl get all
