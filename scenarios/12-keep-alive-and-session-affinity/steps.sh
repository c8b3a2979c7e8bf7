#!/usr/bin/env bash
# title: Keep-alive connections and session affinity
# group: Services
# summary: Separate curls spread over the pods; one keep-alive connection stays on one pod; ClientIP affinity pins a client.
# behaviours: 12, 13

## Step: Deploy three pods and a client
kubectl apply -f app.yaml
kubectl run client --image=nicolaka/netshoot -- sleep infinity
kubectl wait --for=condition=Ready pod --all
#check: output contains "pod/client condition met"

## Step: Separate connections spread
# kube-proxy chooses an endpoint per new connection, at random. Ten separate curls land on
# different pods.
for i in $(seq 1 10); do kubectl exec client -- curl -s http://kubia; done
#check: distinct curl pod >= 2

## Step: One connection, one pod
# curl reuses its connection for several URLs on the same host, the way a browser keeps a connection
# alive. The endpoint was chosen once, for the connection, so every request reaches the same pod.
kubectl exec client -- curl -s http://kubia http://kubia http://kubia http://kubia
#check: distinct curl pod == 1
#check: count curl == 4

## Step: sessionAffinity ClientIP
# With `sessionAffinity: ClientIP`, kube-proxy remembers which endpoint each client IP got (the iptables
# `recent` module, for 10800 seconds by default), so separate connections stick too.
kubectl apply -f affinity.yaml
for i in $(seq 1 10); do kubectl exec client -- curl -s http://kubia-sticky; done
kubectl describe svc kubia-sticky | grep Affinity
#check: distinct curl pod == 1
#check: output contains "Session Affinity:         ClientIP"
