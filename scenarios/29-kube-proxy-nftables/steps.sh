#!/usr/bin/env bash
# title: kube-proxy in nftables mode
# group: Troubleshooting views
# summary: The same NodePort Service with kube-proxy's nftables backend: verdict maps instead of one rule per Service, traced hop by hop.
# behaviours: 28, 20, 21

## Step: A cluster whose kube-proxy uses nftables
# `networking.kubeProxyMode: nftables` (GA since Kubernetes 1.33, beta in 1.31 and 1.32).
kind create cluster --config kind-nftables.yaml
kubectl create deployment kubia --image=luksa/kubia --replicas=2
kubectl expose deployment kubia --type=NodePort --port=80 --target-port=8080
kubectl wait --for=condition=Ready pod -l app=kubia
#check: output contains "condition met"

## Step: The services chain is two map lookups
# Where iptables has one KUBE-SERVICES rule per Service port, nftables looks the destination up in the
# service-ips map (cluster, external and load-balancer IPs) and, for the node's own address, in
# service-nodeports. Each element sends the packet to the Service's own chain.
docker exec kind-worker nft list chain ip kube-proxy services
docker exec kind-worker nft list map ip kube-proxy service-nodeports
#check: output contains "goto external-"

## Step: One chain per Service picks an endpoint in one step
# `numgen random mod 2 vmap { 0 : goto endpoint-…, 1 : goto endpoint-… }` replaces iptables' cascade of
# `statistic --probability` rules.
docker exec kind-worker nft list table ip kube-proxy | grep numgen
#check: output contains "numgen random mod 2 vmap"

## Step: A request, traced through the maps
# Each hop names the nftables rule, and for a lookup the map element, that decided it.
NODE_PORT=$(kubectl get svc kubia -o jsonpath='{.spec.ports[0].nodePort}')
curl -s http://172.18.0.3:$NODE_PORT/
#check: last curl rules contains "vmap @service-nodeports"
#check: last curl rules contains "numgen random mod 2"
#check: last curl rules contains "masquerade fully-random"

## Step: What iptables still shows
# kube-proxy wrote no KUBE-SERVICES chain; kubelet's canary and KUBE-FIREWALL and kind's own chains remain.
docker exec kind-worker iptables-save -t nat
#check: output !contains "KUBE-SERVICES"
#check: output contains "KIND-MASQ-AGENT"

## Step: No node ports on localhost
# The nftables backend does not support localhost node ports: from the node itself, 127.0.0.1 refuses.
docker exec kind-worker curl -sS localhost:$NODE_PORT
#check: last exitCode == 7
