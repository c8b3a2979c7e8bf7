#!/usr/bin/env bash
# title: hostNetwork and hostPort
# group: Pods and controllers
# summary: A hostNetwork pod takes its node's IP and listens on the node; a hostPort opens one port on the pod's own node only.
# behaviours: 5, 6

## Step: Two pods that use the node's network
# `on-host-network` shares kind-worker2's network namespace. `with-host-port` has its own pod IP, but asks
# for port 9000 of kind-worker to be forwarded to its port 8080.
kubectl apply -f pods.yaml
kubectl wait --for=condition=Ready pod --all
kubectl get pods -o wide
#check: output contains "172.18.0.4"

## Step: The hostNetwork pod listens on the node's address
# nginx binds port 80 of the node itself: no Service, no kube-proxy rule.
curl -s -o /dev/null -w '%{http_code}\n' http://172.18.0.4:80/
#check: last curl servedBy == pod/on-host-network
#check: last curl rules !contains KUBE-SVC

## Step: The hostPort answers on its own node only
# The CNI portmap plugin DNATs port 9000 of kind-worker to the pod. kind-worker2 has no such rule.
curl -s http://172.18.0.3:9000/
curl -sS -m 3 http://172.18.0.4:9000/
#check: first curl servedBy == pod/with-host-port
#check: last curl outcome == refused
