#!/usr/bin/env bash
# title: Two pods cannot share a hostPort on one node
# group: Pods and controllers
# summary: Three replicas ask for hostPort 8080 on two workers: the third stays Pending with the scheduler's reason.
# behaviours: 6

## Step: Three replicas, one hostPort
# A hostPort is a port of the node: only one pod per node can take it.
kubectl apply -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hp
spec:
  replicas: 3
  selector:
    matchLabels:
      app: hp
  template:
    metadata:
      labels:
        app: hp
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - containerPort: 80
          hostPort: 8080
YAML
sleep 20
kubectl get pods -o wide
#check: output contains "Pending"

## Step: Ask the scheduler why
# The FailedScheduling event counts the nodes and says why each one was rejected.
POD=$(kubectl get pods --field-selector=status.phase=Pending -o jsonpath='{.items[0].metadata.name}')
kubectl describe pod $POD | tail -n 3
#check: output contains "didn't have free ports for the requested pod ports"
