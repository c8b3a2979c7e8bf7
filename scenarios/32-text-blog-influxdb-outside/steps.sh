#!/usr/bin/env bash
# title: Text: hostNetwork, hostPort, NodePort, LoadBalancer and Ingress (blog post, 2017)
# group: Getting in from outside
# summary: The post's five ways into an InfluxDB pod, typed in order on a kind cluster: the node's own network, a hostPort, a node port, a load balancer and an Ingress.
# behaviours: 5, 6, 20, 23, 25
# The post (seed 004) ran on OpenStack in 2017. Its manifests are used as written; the node names
# (`kubenode01.example.com`) become the addresses kind gives its nodes, and the OpenStack `neutron` commands
# have no counterpart on kind.

## Step: A kind cluster ready for an Ingress controller
# Three nodes; the control plane publishes ports 80 and 443 on this machine for ingress-nginx later.
kind create cluster --config kind-config.yaml
#check: last exitCode == 0

## Step: hostNetwork: true
# The pod shares its node's network namespace: InfluxDB listens on port 8086 of the node itself.
kubectl create -f influxdb-hostnetwork.yml
kubectl wait --for=condition=Ready pod/influxdb
kubectl get pod influxdb -o wide
NODE_IP=$(kubectl get pod influxdb -o jsonpath='{.status.hostIP}')
curl -v http://$NODE_IP:8086/ping
#check: last curl path contains node/
#check: last curl path !contains pod/

## Step: hostPort
# The post's next manifest reuses the name `influxdb`, so creating it while the first pod runs fails.
# Delete the first one; the container's port 8086 is then published on its node by the CNI portmap plugin.
kubectl create -f influxdb-hostport.yml
kubectl delete pod influxdb
kubectl create -f influxdb-hostport.yml
kubectl wait --for=condition=Ready pod/influxdb
NODE_IP=$(kubectl get pod influxdb -o jsonpath='{.status.hostIP}')
curl -v http://$NODE_IP:8086/ping
#check: first kubectl output contains "AlreadyExists"
#check: last curl actions contains DNAT
#check: last curl path contains pod/influxdb

## Step: NodePort 30000
# A labelled pod and a Service with node port 30000: every node forwards the port to the pod.
kubectl delete pod influxdb
kubectl create -f influxdb-pod.yml
kubectl create -f influxdb-nodeport.yml
kubectl wait --for=condition=Ready pod/influxdb
curl -v http://172.18.0.3:30000/ping
#check: last curl rules contains KUBE-NODEPORTS
#check: last curl path contains pod/influxdb

## Step: LoadBalancer
# The post's LoadBalancer Service has the same name, so it replaces the NodePort one (apply). On kind the
# load balancer comes from cloud-provider-kind (on a real machine it keeps running in another terminal).
kubectl apply -f influxdb-loadbalancer.yml
cloud-provider-kind
sleep 5
kubectl get svc influxdb
LB_IP=$(kubectl get svc influxdb -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
curl -v http://$LB_IP:8086/ping
#check: last curl path contains loadbalancer/
#check: output !contains "<pending>"

## Step: Ingress
# The post's Ingress is `extensions/v1beta1`, which Kubernetes stopped serving in v1.22; the same Ingress in
# `networking.k8s.io/v1` follows. ingress-nginx is installed as kind's documentation does; the post's DNS
# (`*.kube.example.com` → the node) becomes curl's `--resolve`.
kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/main/deploy/static/provider/kind/deploy.yaml
kubectl wait --namespace ingress-nginx --for=condition=ready pod --selector=app.kubernetes.io/component=controller --timeout=90s
# The post's own manifest first: kubectl finds no Ingress kind in `extensions/v1beta1` any more.
kubectl create -f influxdb-ingress.yml
kubectl create -f influxdb-ingress-v1.yml
curl -v --resolve influxdb.kube.example.com:80:127.0.0.1 http://influxdb.kube.example.com/ping
#check: last curl path contains ingress-nginx-controller
#check: last curl servedBy == pod/influxdb
#check: output contains "no matches for kind \"Ingress\" in version \"extensions/v1beta1\""
