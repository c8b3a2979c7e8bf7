#!/usr/bin/env bash
# title: A rolling update, request by request
# group: Pods and controllers
# summary: kubectl set image swaps three kubia v1 pods for v2 one at a time: requests are answered by v1, then by both, then by v2, and none is refused.
# behaviours: 3, 9, 20
# A Deployment of three `luksa/kubia:v1` pods behind a NodePort Service, updated to `luksa/kubia:v2` with the
# default RollingUpdate strategy (maxSurge 25%, maxUnavailable 25%). Every few simulated seconds a request
# goes in through the node port; the pod list shows who is starting, who is serving and who is on its way out.

## Step: Three v1 pods behind a node port
# `app.yaml` spells out the strategy the API server would default anyway. kubia v1 answers
# `This is v1 running in pod <its name>`.
kubectl apply -f app.yaml
kubectl rollout status deployment/kubia
kubectl get pods
for i in 1 2 3; do curl -s http://172.18.0.3:30080; done
#check: every curl outcome == delivered
#check: last curl output contains "This is v1 running in pod kubia-"

## Step: Set the new image
# A new pod template makes a new ReplicaSet. With 3 replicas, maxSurge 25% rounds up to 1 extra pod and
# maxUnavailable 25% rounds down to 0: the Deployment controller adds one v2 pod and removes nothing yet. The
# new pod is `ContainerCreating` while its node pulls `luksa/kubia:v2`; it is not ready, so it is not an
# endpoint, and every request still reaches a v1 pod.
kubectl set image deployment/kubia kubia=luksa/kubia:v2
kubectl get pods
kubectl get rs
for i in 1 2 3; do curl -s http://172.18.0.3:30080; sleep 2; done
#check: output contains "ContainerCreating"
#check: every curl outcome == delivered
#check: output !contains "This is v2"

## Step: Both versions answer
# Once the first v2 pod is ready, one v1 pod is scaled down: it is `Terminating` (kubia ignores SIGTERM, so
# it lingers for its 30 s grace period) and left the endpoints the moment it was marked, while the next v2
# pod is `ContainerCreating`. Requests land on v1 and v2 pods alike; none on the Terminating one, none refused.
sleep 12
kubectl get pods
for i in 1 2 3 4 5 6; do curl -s http://172.18.0.3:30080; sleep 1; done
kubectl get pods
#check: output contains "Terminating"
#check: output contains "ContainerCreating"
#check: output contains "This is v1 running in pod"
#check: output contains "This is v2 running in pod"
#check: every curl outcome == delivered

## Step: Wait for the rollout
# `kubectl rollout status` waits until every replica runs the new template. The last v1 pods are still
# Terminating when it returns: the Deployment no longer counts them, but their grace period runs on.
kubectl rollout status deployment/kubia
kubectl get pods
for i in 1 2 3 4 5 6; do curl -s http://172.18.0.3:30080; sleep 1; done
#check: output contains "successfully rolled out"
#check: every curl outcome == delivered
#check: output !contains "This is v1 running in pod"
#check: distinct curl pod == 3

## Step: The old ReplicaSet stays, scaled to zero
# After the grace period the old pods are gone. The old ReplicaSet stays with 0 replicas: it is what
# `kubectl rollout undo` scales back up.
sleep 30
kubectl get pods
kubectl get rs
#check: last output contains "0         0         0"
#check: output !contains "Terminating"
