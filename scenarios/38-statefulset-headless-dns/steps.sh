#!/usr/bin/env bash
# title: A StatefulSet's pods have stable names behind a headless Service
# group: Pods and controllers
# summary: web-0, web-1, web-2 start one after the other, and each has its own DNS name through the headless Service.

## Step: Ordinal pods, started in order
# The StatefulSet controller names its pods `<set>-<ordinal>` and, with the default `OrderedReady` policy,
# creates `web-1` only once `web-0` is Running and Ready. Each pod carries its identity in labels.
kubectl apply -f app.yaml
kubectl get pods -l app=nginx
sleep 20
kubectl get pods -l app=nginx --show-labels
kubectl get sts
kubectl get events --field-selector involvedObject.kind=StatefulSet
#check: first kubectl output !contains "web-1"
#check: output contains "web    3/3"
#check: output contains "statefulset.kubernetes.io/pod-name=web-0"

## Step: One DNS name per pod
# Each pod has `hostname: web-N` and `subdomain: nginx`, so the endpoints carry its hostname and CoreDNS
# answers `web-0.nginx.default.svc.cluster.local` with that one pod's IP.
kubectl run client --image=nicolaka/netshoot -- sleep infinity
kubectl wait --for=condition=Ready pod/client
WEB0=$(kubectl get pod web-0 -o jsonpath='{.status.podIP}')
kubectl exec client -- nslookup web-0.nginx
kubectl exec client -- dig +short web-1.nginx.default.svc.cluster.local
kubectl exec client -- curl -s -o /dev/null -w '%{http_code}\n' http://web-0.nginx
#check: first nslookup output contains $WEB0
#check: last curl servedBy == pod/web-0

## Step: Scale down from the highest ordinal
# Scaling to one replica removes web-2 first, then web-1: web-2 is Terminating while web-1 still runs, and web-1
# goes only once web-2 is gone. web-0 keeps its name and its DNS record.
kubectl scale sts web --replicas=1
kubectl get pods -l app=nginx
kubectl wait --for=delete pod/web-1 --timeout=30s
kubectl get pods -l app=nginx
#check: last output contains "web-0"
#check: last output !contains "web-1"
