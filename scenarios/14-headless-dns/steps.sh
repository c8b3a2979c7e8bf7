#!/usr/bin/env bash
# title: A headless Service returns the pod IPs
# group: Services
# summary: With clusterIP None there is no virtual IP: DNS answers with one A record per ready pod.
# behaviours: 17, 19

## Step: Deploy pods behind a headless Service
# `clusterIP: None` tells the API server not to allocate a cluster IP, and kube-proxy ignores the Service.
kubectl apply -f app.yaml
kubectl run client --image=nicolaka/netshoot -- sleep infinity
kubectl wait --for=condition=Ready pod --all
kubectl get svc kubia-headless
kubectl get pods -l app=kubia -o wide
#check: output contains "None"

## Step: DNS returns every pod
# CoreDNS answers the Service name with the IPs of the ready endpoints, one A record each. The client
# connects to a pod directly: no DNAT on the way.
kubectl exec client -- nslookup kubia-headless
kubectl exec client -- curl -s http://kubia-headless:8080
#check: output contains "Address: 10.244."
#check: last curl actions !contains DNAT
#check: last curl servedBy == pod/kubia-*

## Step: Only ready pods are listed
# Scale down to one replica: DNS follows the Endpoints.
kubectl scale deployment kubia --replicas=1
POD_IP=$(kubectl get pods -l app=kubia -o jsonpath='{.items[0].status.podIP}')
kubectl exec client -- dig +short kubia-headless.default.svc.cluster.local
#check: last output contains $POD_IP
#check: last output !contains "10.244.2.3"
