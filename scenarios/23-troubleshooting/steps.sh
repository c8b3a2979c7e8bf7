#!/usr/bin/env bash
# title: The classic Service mistakes and their symptoms
# group: Troubleshooting views
# summary: Curling the targetPort, a selector that matches nothing, a wrong targetPort, and a cluster IP called from outside.
# behaviours: 29, 14, 2, 27

## Step: One good Service and two broken ones
# `kubia-typo` selects `app: kubai`; `kubia-wrong-port` sends to port 80, where kubia does not listen.
kubectl apply -f app.yaml
kubectl run client --image=nicolaka/netshoot -- sleep infinity
kubectl wait --for=condition=Ready pod --all
kubectl get svc
#check: output contains "kubia-wrong-port"

## Step: Mistake 1: curling the targetPort on the cluster IP
# The Service listens on `port` (80). Nothing on the cluster IP knows port 8080: the SYN leaves the node
# unanswered and curl hangs until its timeout.
kubectl exec client -- curl -sS -m 3 http://kubia:8080/
#check: last curl outcome == timeout
#check: last exitCode == 28

## Step: Mistake 2: a selector that matches nothing
# No pod has `app=kubai`, so the Service has no endpoints. kube-proxy installs a REJECT rule: the
# connection is refused at once.
kubectl get endpoints kubia-typo
kubectl exec client -- curl -sS http://kubia-typo/
#check: output contains "<none>"
#check: last curl outcome == refused
#check: last exitCode == 7

## Step: Mistake 3: a wrong targetPort
# The endpoints exist, but they point at port 80 of the pods, where nothing listens: the pod answers with
# a TCP reset, and curl reports "Couldn't connect".
kubectl get endpoints kubia-wrong-port
kubectl exec client -- curl -sS http://kubia-wrong-port/
#check: last curl outcome == refused
#check: last curl servedBy == null

## Step: Mistake 4: calling a cluster IP from outside the cluster
# Your machine has no route to the service range: the connection times out.
CLUSTER_IP=$(kubectl get svc kubia -o jsonpath='{.spec.clusterIP}')
curl -sS -m 3 http://$CLUSTER_IP/
#check: last curl outcome == timeout

## Step: The fix: the right name and port, from inside
kubectl exec client -- curl -s http://kubia/
#check: last curl outcome == delivered
