#!/usr/bin/env bash
# title: Reading kube-proxy's iptables rules
# group: Troubleshooting views
# summary: Follow a NodePort Service through KUBE-SERVICES, KUBE-NODEPORTS, KUBE-EXT, KUBE-SVC and KUBE-SEP chains in iptables-save.
# behaviours: 28, 20, 21

## Step: A NodePort Service with two endpoints
kubectl create deployment kubia --image=luksa/kubia --replicas=2
kubectl expose deployment kubia --type=NodePort --port=80 --target-port=8080
kubectl wait --for=condition=Ready pod -l app=kubia
kubectl get endpoints kubia
#check: output contains ":8080"

## Step: The rules on one node
# kind nodes are containers, so `docker exec` runs iptables-save inside one. Look for the Service's
# chains: KUBE-SERVICES jumps to KUBE-SVC-… for the cluster IP, KUBE-NODEPORTS to KUBE-EXT-… for the node
# port; KUBE-SVC-… picks an endpoint with `statistic --mode random --probability 0.5`; each KUBE-SEP-…
# DNATs to one pod.
docker exec kind-worker iptables-save -t nat | grep default/kubia
#check: output contains "--probability 0.50000000000"
#check: output contains "-j DNAT --to-destination 10.244."

## Step: The masquerade chain
# Packets marked by KUBE-MARK-MASQ are SNATed on the way out in KUBE-POSTROUTING.
docker exec kind-worker iptables-save -t nat | grep KUBE-POSTROUTING
#check: output contains "MASQUERADE"

## Step: Every trace names the rules it matched
# The request below enters kind-worker on the node port; each hop of its trace quotes the rule that
# decided it (see `bin/kubehop run --json`).
NODE_PORT=$(kubectl get svc kubia -o jsonpath='{.spec.ports[0].nodePort}')
curl -s http://172.18.0.3:$NODE_PORT/
#check: last curl rules contains KUBE-NODEPORTS
#check: last curl rules contains KUBE-SEP-
