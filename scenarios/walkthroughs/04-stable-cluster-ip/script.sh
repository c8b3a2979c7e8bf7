# Behaviours 8 and 9: the cluster IP never changes while pods come and go; Endpoints list ready pod IP:port pairs.
kubectl create deployment kubia --image=luksa/kubia --replicas=3
kubectl expose deployment kubia --port=80 --target-port=8080
kubectl get svc kubia
kubectl get endpoints kubia
kubectl delete pod -l app=kubia
kubectl get pods -o wide
kubectl get svc kubia
kubectl get endpoints kubia
kubectl get endpointslices -l kubernetes.io/service-name=kubia
kubectl describe svc kubia
