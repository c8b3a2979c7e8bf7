# Behaviour 15: a Service without a selector has no Endpoints until one with the same name is created by hand.
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: external-db
spec:
  ports:
  - port: 5432
YAML
kubectl get endpoints external-db
kubectl apply -f - <<YAML
apiVersion: v1
kind: Endpoints
metadata:
  name: external-db
subsets:
- addresses:
  - ip: 203.0.113.10
  - ip: 203.0.113.11
  ports:
  - port: 5432
YAML
kubectl get endpoints external-db
kubectl describe svc external-db
kubectl get endpointslices
