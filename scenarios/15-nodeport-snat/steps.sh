#!/usr/bin/env bash
# title: NodePort from the host, and the SNAT on the extra hop
# group: Getting in from outside
# summary: Port 30080 opens on every node; a request entering a node without the pod is forwarded and SNATed, so the pod sees that node.
# behaviours: 20, 21, 2

## Step: One echo pod, pinned to kind-worker2, behind a NodePort
# `echoserver` answers with the request it received, including the client address it saw.
kubectl apply -f app.yaml
kubectl wait --for=condition=Ready pod -l app=echo
kubectl get svc echo
kubectl get pods -o wide
#check: output contains "80:30080/TCP"

## Step: The pod IP is not reachable from the host
# Your machine reaches the node addresses on the docker network (172.18.0.0/16), but has no route to the
# pod network 10.244.0.0/16.
POD_IP=$(kubectl get pods -l app=echo -o jsonpath='{.items[0].status.podIP}')
curl -sS -m 3 http://$POD_IP:8080/
#check: last curl outcome == timeout
#check: last exitCode == 28

## Step: In through the pod's own node
# kind-worker2 (172.18.0.4) hosts the pod: kube-proxy DNATs the node port straight to it. The packet still
# gets the masquerade mark (externalTrafficPolicy Cluster), so the pod sees the node's address on the pod
# network bridge, not your machine.
curl -s http://172.18.0.4:30080/ | grep client_address
#check: last curl servedBy == pod/echo-*
#check: last curl actions contains DNAT

## Step: In through another node: an extra hop, SNATed
# kind-worker (172.18.0.3) has no echo pod. It forwards the connection to kind-worker2 and, in
# KUBE-POSTROUTING, masquerades it: the source becomes kind-worker's own address. The pod cannot tell where
# the request really came from.
curl -s http://172.18.0.3:30080/ | grep client_address
#check: last curl clientIPSeenByServer == 172.18.0.3
#check: last curl actions contains SNAT
#check: last curl path contains node/kind-worker
