#!/usr/bin/env bash
# title: Every pod gets an IP from its node's subnet
# group: Pods and controllers
# summary: Three kubia pods land on kind's two workers; each IP comes from the /24 pod subnet of its node.
# behaviours: 1

## Step: Look at the nodes
# kind runs each node as a container on a docker network (172.18.0.0/16). Note the INTERNAL-IP column:
# those are the node addresses, not pod addresses.
kind get nodes
kubectl get nodes -o wide
#check: output contains "kind-worker2"

## Step: Start three pods
# A Deployment asks for three replicas of `luksa/kubia`, a tiny web server that answers with its pod name.
kubectl apply -f deployment.yaml
kubectl wait --for=condition=Ready pod -l app=kubia --timeout=60s
kubectl get pods -o wide
#check: last output contains "10.244."

## Step: Ask a pod for its own address
# `hostname -I` inside the container prints the IP the pod got from the CNI plugin (kindnet).
POD=$(kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}')
kubectl exec $POD -- hostname -I
#check: last output contains "10.244."

## Step: Compare with the nodes' pod subnets
# Each node owns a /24 of 10.244.0.0/16 (`spec.podCIDR`); the pod's IP falls in the subnet of the node
# it was scheduled to.
kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.spec.podCIDR}{"\n"}{end}'
#check: output contains "kind-worker	10.244.1.0/24"
