#!/usr/bin/env bash
# title: Text: accessing pods on a three-node kind cluster (blog post)
# group: Getting in from outside
# summary: The blog post's walkthrough typed as written: no access by default, unstable pod IPs, a ClusterIP, then a NodePort published by kind's extraPortMappings and balanced over two pods.
# behaviours: 1, 3, 20
# The post (seed 001) runs kind on a Mac; these are its commands on Linux, in order. Pod names differ from
# the post's, so the lines that name a pod take it from `kubectl get` instead.

## Step: A kind cluster with a published node port
# The post types `kind create cluster -- config kind.yml`: with the space, kind reads `config` and `kind.yml`
# as arguments and refuses them. The intended command follows.
kind create cluster -- config kind.yml
kind create cluster --config kind.yml
docker pull nginx:1.23
kind load docker-image nginx:1.23
alias k=kubectl
#check: output contains "unknown command \"config\" for \"kind create cluster\""
#check: output contains "not yet present on node \"kind-worker2\""

## Step: No outside access by default
# A Deployment's pod gets an address from its node's pod subnet, reachable only inside the cluster.
k create deployment nginx --image=nginx:1.23 # 1
k wait --for=condition=Ready pod -l app=nginx
k get pods
POD=$(k get pods -l app=nginx -o jsonpath='{.items[0].metadata.name}')
k get pod $POD --template '{{.status.podIP}}'
# The post opens a shell in the pod and types `hostname -I` there (a script has no terminal: kubectl says so).
k exec -it $POD -- /bin/bash
hostname -I
exit
#check: output contains "10.244."

## Step: Internal IPs are not stable
# Deleting the pod makes the ReplicaSet create another, with another name and usually another address.
k delete pod $POD
k wait --for=condition=Ready pod -l app=nginx
k get pods
POD=$(k get pods -l app=nginx -o jsonpath='{.items[0].metadata.name}')
k exec $POD -- hostname -I
#check: output contains "deleted"

## Step: A ClusterIP Service
# A stable address in front of the pods, reachable only from inside the cluster.
k expose deployment nginx --type=ClusterIP --port=8080
k get svc
k delete deployment nginx
k delete svc nginx
#check: output contains "8080/TCP"

## Step: NodePort 30800, published by kind
# The manifest mounts an nginx.conf from a ConfigMap that answers with the pod's name and address, and the
# Service takes node port 30800, which kind.yml's extraPortMappings publishes on localhost.
k apply -f deployment.yml
k rollout status deployment nginx
curl localhost:30800
#check: last curl outcome == delivered
#check: last curl rules contains docker-proxy
#check: output contains "host: nginx-"

## Step: Two pods, requests balanced
# The post loops forever with `while true; do curl localhost:30800; done`; six rounds show the same.
k scale deployment nginx --replicas=2
k rollout status deployment nginx
k get pods -o wide
for i in 1 2 3 4 5 6; do curl localhost:30800; done
#check: distinct curl pod == 2

## Step: A LoadBalancer Service
# The post changes the Service to type LoadBalancer (with `targetPort: 30800`, a port no container listens
# on) and relies on MetalLB, which it installs as kind's documentation did. Without a load-balancer
# implementation the external IP stays pending.
k apply -f service-lb.yml
k get svc
#check: output contains "<pending>"

## Step: MetalLB, installed as kind's documentation did
# MetalLB's native manifest, then an address pool taken from the top of the kind docker network (172.18.0.0/16
# here) and an L2Advertisement: MetalLB's controller gives the Service the pool's first address, and the speaker
# elected for it answers ARP on its node, whose kube-proxy rules then take the packet. The post's
# `targetPort: 30800` is a port nginx does not listen on, so the pod refuses the connection.
kubectl apply -f https://raw.githubusercontent.com/metallb/metallb/v0.13.7/config/manifests/metallb-native.yaml
kubectl wait --namespace metallb-system --for=condition=ready pod --selector=app=metallb --timeout=90s
# TODO(shell): docker network inspect -f '{{.IPAM.Config}}' kind   (kind's docs read the network's range this way)
kubectl apply -f metallb-config.yaml
k get svc
curl 172.18.255.200
#check: output contains "172.18.255.200"
#check: output contains "customresourcedefinition.apiextensions.k8s.io/ipaddresspools.metallb.io created"
#check: last curl actions contains arp-reply
#check: last curl outcome == refused
# TODO(texts): helm install apisix apisix/apisix --set gateway.type=NodePort --set gateway.http.nodePort=30800 --set ingress-controller.enabled=true --namespace ingress-apisix --set ingress-controller.config.apisix.serviceNamespace=ingress-apisix (helm and APISIX are not built yet)
