#!/usr/bin/env bash
# title: Reach a Service by its cluster IP and by name
# group: Services
# summary: curl a ClusterIP Service from a pod by IP, short name, namespace-qualified name and FQDN; ping it and lose everything.
# behaviours: 19, 14, 12, 27

## Step: Deploy kubia behind a ClusterIP Service
# Three pods and a Service on port 80 that forwards to the pods' port 8080. A long-running `netshoot`
# pod gives us a shell inside the cluster.
kubectl apply -f app.yaml
kubectl run client --image=nicolaka/netshoot -- sleep infinity
kubectl wait --for=condition=Ready pod --all
kubectl get svc kubia
#check: output contains "ClusterIP"

## Step: Call the cluster IP from a pod
# kube-proxy's rules on the client's node pick one of the three endpoints at random and DNAT the
# connection to it. Each new connection draws again.
CLUSTER_IP=$(kubectl get svc kubia -o jsonpath='{.spec.clusterIP}')
kubectl exec client -- curl -s http://$CLUSTER_IP
kubectl exec client -- curl -s http://$CLUSTER_IP
kubectl exec client -- curl -s http://$CLUSTER_IP
#check: every curl outcome == delivered
#check: last curl servedBy == pod/kubia-*
#check: last curl actions contains DNAT

## Step: Call it by name
# The pod's `/etc/resolv.conf` points at CoreDNS (the `kube-dns` Service, 10.96.0.10) and lists search
# domains, so `kubia`, `kubia.default` and the full name `kubia.default.svc.cluster.local` all resolve
# to the same cluster IP.
kubectl exec client -- cat /etc/resolv.conf
kubectl exec client -- curl -s http://kubia
kubectl exec client -- curl -s http://kubia.default
kubectl exec client -- curl -s http://kubia.default.svc.cluster.local
kubectl exec client -- nslookup kubia
#check: output contains "search default.svc.cluster.local svc.cluster.local cluster.local"
#check: every curl outcome == delivered
#check: last dns servedBy == pod/coredns-*
#check: output contains "Address: $CLUSTER_IP"

## Step: A cluster IP does not answer ping
# The cluster IP belongs to no interface: only kube-proxy's rules know it, and only for TCP port 80.
# ICMP echo requests go nowhere.
kubectl exec client -- ping -c 2 kubia
#check: last exitCode == 1
#check: output contains "100% packet loss"
#check: last ping outcome == timeout
