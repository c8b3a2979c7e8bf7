# Behaviour 3: a pod deleted under a Deployment is replaced, with a new name and usually a new IP.
kubectl create deployment kubia --image=luksa/kubia --replicas=2
kubectl get pods -o wide
POD=$(kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}')
kubectl delete pod $POD
kubectl get pods -o wide
kubectl get rs
kubectl describe rs -l app=kubia
