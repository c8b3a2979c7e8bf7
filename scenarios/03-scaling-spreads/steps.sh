#!/usr/bin/env bash
# title: Scaling spreads pods over the workers
# group: Pods and controllers
# summary: Six nginx replicas land three per worker; kind's control plane is tainted and gets none.
# behaviours: 4

## Step: Scale a Deployment up
# The scheduler spreads the pods of one ReplicaSet over the nodes that can take them.
kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl scale deployment web --replicas=6
kubectl wait --for=condition=Ready pod -l app=web --timeout=60s
kubectl get pods -o wide
kubectl get deployment web
#check: output contains "6/6"

## Step: Why nothing runs on the control plane
# With workers present, kind's control-plane node carries the `NoSchedule` taint, and pods without a
# matching toleration are never placed there.
kubectl describe node kind-control-plane | grep Taints
#check: output contains "node-role.kubernetes.io/control-plane:NoSchedule"

## Step: Scale back down
# The ReplicaSet deletes the extra pods; one stays.
kubectl scale deployment web --replicas=1
kubectl get pods
#check: last output contains "web-"
