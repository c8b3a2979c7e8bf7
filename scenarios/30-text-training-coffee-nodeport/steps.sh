#!/usr/bin/env bash
# title: Text: a coffee Pod behind a NodePort (training chapter 7)
# group: Services
# summary: The training chapter's walkthrough typed as written: a label-less Pod, kubectl expose, the node port, DNS from a debug pod, and a second Pod joining the endpoints.
# behaviours: 9, 19, 20
# The chapter (seed 002) runs on a kubeadm cluster of VMs; here it runs on kind. Where a modern cluster
# answers differently from the text, the narration says so (see scenarios/README.md).

## Step: The coffee Pod from its YAML
# The text writes `coffe.yaml` with `vi` (the file is beside this script) and creates it. The Pod has no labels.
kubectl create -f coffe.yaml
kubectl wait --for=condition=Ready pod/coffee
#check: output contains "pod/coffee created"

## Step: Expose it as a NodePort
# The text exposes the Pod straight away. Today's kubectl refuses: a Service needs a selector, and a Pod
# without labels gives it none (the text's Pod had `run=coffee`, which old `kubectl run` added). Label it, then expose.
kubectl expose pod coffee --port=80 --target-port=9090  --type=NodePort
kubectl label pod coffee run=coffee
kubectl expose pod coffee --port=80 --target-port=9090  --type=NodePort
kubectl get service
#check: output contains "the pod has no labels and cannot be exposed"
#check: output contains "service/coffee exposed"
#check: output contains "80:3"

## Step: The node port from outside
# The text checks the port with `sudo netstat -tnlup` on one of its VMs and opens a browser on a node's
# address. On kind the nodes are containers on the docker network: curl one of them on the node port.
NODE_PORT=$(kubectl get svc coffee -o jsonpath='{.spec.ports[0].nodePort}')
curl -s http://172.18.0.3:$NODE_PORT/
#check: last curl rules contains KUBE-NODEPORTS
#check: last curl path contains pod/coffee

## Step: What a ClusterIP Service would look like
# The text prints the Service kubectl would send, without creating it. A bare `--dry-run` still means `client`
# (kubectl's flag has that as its no-value default; the deprecation warning of v1.18–v1.22 is gone).
kubectl expose pod coffee --port=80 --target-port=9090  --type=ClusterIP --dry-run --output=yaml
#check: output contains "type: ClusterIP"

## Step: The Service's name in DNS
# A debug pod resolves the Service by name and the cluster IP back to the name.
kubectl run debugger --image=ansilh/debug-tools --restart=Never
kubectl wait --for=condition=Ready pod/debugger
# The text opens a shell in the pod and types `nslookup coffee` there (a script has no terminal: kubectl says so
# and the lines up to `exit` run inside). The reverse lookup of the cluster IP is typed from outside, where the
# address can be read from the Service.
kubectl exec -it debugger -- /bin/sh
nslookup coffee
exit
kubectl exec debugger -- nslookup $(kubectl get svc coffee -o jsonpath='{.spec.clusterIP}')
#check: output contains "coffee.default.svc.cluster.local"
#check: last dns outcome == delivered

## Step: Endpoints
# The label `run=coffee` maps the Service to the Pod; the mapping is the Endpoints object. A second Pod
# with the same label joins it.
kubectl describe service coffee
kubectl get endpoints  coffee
kubectl run coffee01 --image=ansilh/demo-coffee --restart=Never --labels=run=coffee
kubectl wait --for=condition=Ready pod/coffee01
kubectl get pods
kubectl get endpoints  coffee
#check: last output contains ":9090,"
