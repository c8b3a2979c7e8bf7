#!/usr/bin/env bash
# title: kind's own chains: kindnet's masquerade, hostPorts, docker's DNS
# group: Troubleshooting views
# summary: Besides kube-proxy, a kind node's iptables-save holds kindnet's KIND-MASQ-AGENT, the CNI portmap plugin's hostPort chains and docker's DNS rules.
# behaviours: 5, 28

## Step: A pod with a hostPort on kind-worker
kubectl apply -f pods.yaml
kubectl wait --for=condition=Ready pod/web
#check: output contains "condition met"

## Step: The portmap plugin's chains
# CNI-HOSTPORT-DNAT is entered for local destinations; each pod sandbox gets a CNI-DN-… chain (a sha512 of
# the network name and sandbox id, cut to iptables' 28 characters) that marks hairpin and localhost clients
# for masquerading and DNATs the hostPort to the pod.
docker exec kind-worker iptables-save -t nat | grep CNI-
#check: output contains "-j CNI-HOSTPORT-DNAT"
#check: output contains "--dports 8080"

## Step: kindnet's masquerade agent and docker's DNS
# KIND-MASQ-AGENT masquerades traffic leaving the pod network; DOCKER_OUTPUT sends DNS for 172.18.0.1 (the
# address in the node's resolv.conf) to docker's embedded resolver at 127.0.0.11.
docker exec kind-worker iptables-save -t nat | grep -E 'KIND-MASQ|DOCKER_'
#check: output contains "kind-masq-agent: outbound traffic is subject to MASQUERADE"
#check: output contains "--to-destination 127.0.0.11:"

## Step: The hostPort, traced
# From your machine the request enters kind-worker, meets CNI-HOSTPORT-DNAT after kube-proxy's chains, and
# is DNATed by the sandbox's chain.
curl -s http://172.18.0.3:8080/
#check: last curl servedBy == pod/web
#check: last curl rules contains CNI-DN-

## Step: From the node itself
# kind's node image has curl. From the node, 127.0.0.1:8080 is marked by the CNI-DN chain and masqueraded
# by CNI-HOSTPORT-MASQ, so the pod sees the node's address.
docker exec kind-worker curl -s localhost:8080
#check: last curl servedBy == pod/web
#check: last curl rules contains CNI-HOSTPORT-MASQ
