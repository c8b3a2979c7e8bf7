#!/usr/bin/env bash
# title: A deleted pod comes back with a new name
# group: Pods and controllers
# summary: Delete a pod of a Deployment and watch its ReplicaSet create a replacement.
# behaviours: 3

## Step: Create a Deployment with two replicas
# `kubectl create deployment` makes a Deployment, which makes a ReplicaSet, which makes the pods.
# Pod names are `<deployment>-<pod-template-hash>-<5 random characters>`.
kubectl create deployment kubia --image=luksa/kubia --replicas=2
kubectl wait --for=condition=Ready pod -l app=kubia --timeout=60s
kubectl get pods -o wide
#check: output contains "Running"

## Step: Delete one pod
# Nobody restarts a deleted pod; the ReplicaSet notices it has one replica too few and creates a new pod,
# with a new name and, usually, a new IP.
POD=$(kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}')
kubectl delete pod $POD
kubectl get pods -o wide
#check: output contains "deleted"
#check: last output !contains $POD

## Step: Ask the ReplicaSet what it did
# Its events list a `SuccessfulCreate` for every pod it made, including the replacement.
kubectl get rs
kubectl describe rs -l app=kubia
#check: last output contains "SuccessfulCreate"
