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
# kind's docs read the docker network's range this way, to pick the pool's addresses inside it.
docker network inspect -f '{{.IPAM.Config}}' kind
kubectl apply -f metallb-config.yaml
k get svc
curl 172.18.255.200
#check: output contains "172.18.255.200"
#check: output contains "customresourcedefinition.apiextensions.k8s.io/ipaddresspools.metallb.io created"
#check: last curl actions contains arp-reply
#check: last curl outcome == refused
## Step: APISIX through helm, as the post types it
# The post runs APISIX's Minikube instructions without repeating them: its `helm install` line typed first fails
# as helm does until the repository is added, then because the namespace does not exist (the line passes
# --namespace without --create-namespace); the instructions create it with kubectl. On this cluster node port
# 30800 still belongs to the nginx Service (the post's own cluster had given it 31513), so the gateway Service is
# refused and the release is recorded failed, though its other objects were created and their pods start;
# uninstalling it and deleting that Service frees the name and the port.
helm install apisix apisix/apisix --set gateway.type=NodePort --set gateway.http.nodePort=30800 --set ingress-controller.enabled=true --namespace ingress-apisix --set ingress-controller.config.apisix.serviceNamespace=ingress-apisix
helm repo add apisix https://charts.apiseven.com
helm repo update
helm install apisix apisix/apisix --set gateway.type=NodePort --set gateway.http.nodePort=30800 --set ingress-controller.enabled=true --namespace ingress-apisix --set ingress-controller.config.apisix.serviceNamespace=ingress-apisix
kubectl create namespace ingress-apisix
helm install apisix apisix/apisix --set gateway.type=NodePort --set gateway.http.nodePort=30800 --set ingress-controller.enabled=true --namespace ingress-apisix --set ingress-controller.config.apisix.serviceNamespace=ingress-apisix
helm list -n ingress-apisix
kubectl wait --namespace ingress-apisix --for=condition=ready pod --all --timeout=120s
helm uninstall apisix -n ingress-apisix
k delete svc nginx
helm install apisix apisix/apisix --set gateway.type=NodePort --set gateway.http.nodePort=30800 --set ingress-controller.enabled=true --namespace ingress-apisix --set ingress-controller.config.apisix.serviceNamespace=ingress-apisix
#check: output contains "Error: INSTALLATION FAILED: repo apisix not found"
#check: output contains "Error: INSTALLATION FAILED: create: failed to create: namespaces \"ingress-apisix\" not found"
#check: output contains "provided port is already allocated"
#check: output contains "release \"apisix\" uninstalled"
#check: output contains "STATUS: deployed"

## Step: The chart's Services and pods
# The services the post lists, and the release record helm keeps as a Secret in the release's namespace.
kubectl wait --namespace ingress-apisix --for=condition=ready pod --all --timeout=120s
k get svc -n ingress-apisix
k get pods -n ingress-apisix
k get secrets -n ingress-apisix
helm list -A
#check: output contains "80:30800/TCP"
#check: output contains "sh.helm.release.v1.apisix.v1   helm.sh/release.v1"
#check: output contains "apisix-etcd-headless        ClusterIP   None"

## Step: Left and right, routed by an ApisixRoute
# The post's left manifest has a typo (`apiVersin`), which kubectl refuses (the first document of the file fails
# validation, so nothing in it is created); its fixed form follows, then the right path the post leaves to the
# reader. The ApisixRoute is v2beta3, still served (deprecated) by the chart's CRD, so the API server warns.
k apply -f left.yml
k apply -f left-fixed.yml
k apply -f right.yml
k rollout status deployment left
k rollout status deployment right
k apply -f apisix-route.yml
#check: output contains "apiVersion not set"
#check: output contains "Warning: apisix.apache.org/v2beta3 ApisixRoute is deprecated"

## Step: APISIX answers on node port 30800
# kind publishes 30800 on localhost, kube-proxy's node-port rules send it to the APISIX pod; no route matches `/`,
# so APISIX answers its own 404 (as the post shows).
curl localhost:30800
#check: output contains "{\"error_msg\":\"404 Route Not Found\"}"
#check: last curl outcome == http-error

## Step: /right and /left reach their pods
# APISIX matches the path against the ApisixRoute's rules and connects to a ready endpoint of the rule's Service.
curl localhost:30800/right
#check: last curl rules contains "ApisixRoute default/apisix-route: right"
#check: last curl pod contains right-
#check: output contains "right"

## Step: /left
curl localhost:30800/left
#check: last curl rules contains "ApisixRoute default/apisix-route: left"
#check: last curl pod contains left-
