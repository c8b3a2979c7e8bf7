# Behaviour 18: pods created after a Service get its env vars; pods created before it do not.
kubectl run before --image=luksa/kubia
kubectl create deployment kubia --image=luksa/kubia
kubectl expose deployment kubia --port=80 --target-port=8080
kubectl run after --image=luksa/kubia
kubectl exec before -- env | grep KUBIA
kubectl exec after -- env | grep KUBIA | sort
kubectl exec after -- env | grep KUBERNETES_SERVICE
