#!/usr/bin/env bash
# title: Text: the book's Services chapter on GKE, from outside (sections 5.3, 5.5, 5.6)
# group: Getting in from outside
# summary: The book chapter's second half typed in order on GKE: NodePort with a firewall rule, a LoadBalancer, a readiness probe and a headless Service.
# behaviours: 17, 20, 23, 24, 26
# profile: gke
# Continues `33-text-book-services-gke` on a fresh cluster: the ReplicationController of the previous
# chapter and the `kubia` Service come first.

## Step: The pods and the kubia Service
gcloud container clusters create kubia --num-nodes 3
kubectl create -f kubia-rc.yaml
kubectl expose rc kubia --port=80 --target-port=8080
kubectl wait --for=condition=Ready pod -l app=kubia
#check: output contains "service/kubia exposed"

## Step: NodePort 30123 and the firewall
# On GKE the node port is closed to the internet until a VPC firewall rule opens it.
kubectl create -f kubia-svc-nodeport.yaml
kubectl get svc kubia-nodeport
gcloud compute firewall-rules create kubia-svc-rule --allow=tcp:30123
kubectl get nodes -o jsonpath='{.items[*].status.addresses[?(@.type=="ExternalIP")].address}'
NODE_IP=$(kubectl get nodes -o jsonpath='{.items[0].status.addresses[?(@.type=="ExternalIP")].address}')
curl http://$NODE_IP:30123
#check: last curl outcome == delivered
#check: any curl path contains vpc

## Step: A LoadBalancer
# GKE provisions a network load balancer; its address appears after a while.
kubectl create -f kubia-svc-loadbalancer.yaml
sleep 60
kubectl get svc kubia-loadbalancer
LB_IP=$(kubectl get svc kubia-loadbalancer -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
curl http://$LB_IP
#check: last curl outcome == delivered
#check: last curl path contains loadbalancer/

## Step: A readiness probe
# The book adds the probe with `kubectl edit rc kubia` and deletes the pods; the new ones stay unready until
# /var/ready exists, so the Service sends nothing to them.
# TODO(shell): kubectl edit rc kubia   (an editor; the same change is replaced from a file here)
kubectl apply -f kubia-rc-readinessprobe.yaml
kubectl delete po --all
sleep 20
kubectl get po
POD=$(kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}')
kubectl exec $POD -- touch /var/ready
sleep 10
kubectl get po $POD
for i in 1 2 3; do curl -s http://$LB_IP; done
#check: distinct curl pod == 1

## Step: A headless Service
# With `clusterIP: None` DNS returns the ready pods' own addresses.
kubectl create -f kubia-svc-headless.yaml
# The book's `--generator=run-pod/v1` was removed in v1.21: kubectl no longer knows the flag.
kubectl run dnsutils --image=tutum/dnsutils --generator=run-pod/v1 --command -- sleep infinity
kubectl run dnsutils --image=tutum/dnsutils --command -- sleep infinity
kubectl wait --for=condition=Ready pod/dnsutils
# Without `--`, as the book types it, today's kubectl refuses the command.
kubectl exec dnsutils nslookup kubia-headless
kubectl exec dnsutils -- nslookup kubia-headless
kubectl exec dnsutils -- nslookup kubia
#check: output contains "Name:\tkubia-headless.default.svc.cluster.local"
