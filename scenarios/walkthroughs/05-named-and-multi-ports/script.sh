# Behaviours 10 and 11: targetPort may name a container port, resolved per pod; multi-port Services need port names.
kubectl apply -f - <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: web-a
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - name: http
      containerPort: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: web-b
  labels:
    app: web
spec:
  containers:
  - name: web
    image: luksa/kubia
    ports:
    - name: http
      containerPort: 8080
YAML
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: http
  - port: 443
    targetPort: 8443
YAML
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
  - name: https
    port: 443
    targetPort: 8443
YAML
kubectl get endpoints web
kubectl get endpoints web -o yaml
kubectl describe svc web
