#!/usr/bin/env bash
# title: A LoadBalancer Service on kind
# group: Getting in from outside
# summary: Without a provider the external IP stays pending and the Service works as a NodePort; cloud-provider-kind gives it an address.
# behaviours: 23, 20

## Step: A LoadBalancer Service with nobody to provide it
# kind has no cloud. The Service gets a cluster IP and a node port, but EXTERNAL-IP stays `<pending>`.
kubectl apply -f app.yaml
kubectl wait --for=condition=Ready pod -l app=kubia
kubectl get svc kubia-lb
#check: output contains "<pending>"

## Step: It still works as a NodePort Service
# Every LoadBalancer Service is also a NodePort Service: the node port answers on every node.
NODE_PORT=$(kubectl get svc kubia-lb -o jsonpath='{.spec.ports[0].nodePort}')
curl -s http://172.18.0.3:$NODE_PORT/
#check: last curl outcome == delivered

## Step: Start cloud-provider-kind
# kind's load-balancer provider watches LoadBalancer Services and, for each, starts an Envoy container on
# the kind docker network; its address becomes the Service's external IP. (On a real machine, run it in
# another terminal: it keeps running.)
cloud-provider-kind
sleep 5
kubectl get svc kubia-lb
LB_IP=$(kubectl get svc kubia-lb -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
#check: output !contains "<pending>"

## Step: In through the load balancer
# The load balancer forwards to the node ports of the nodes, which forward to the pods.
for i in $(seq 1 6); do curl -s http://$LB_IP/; done
#check: every curl outcome == delivered
#check: any curl path contains loadbalancer/
