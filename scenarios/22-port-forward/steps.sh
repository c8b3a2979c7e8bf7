#!/usr/bin/env bash
# title: kubectl port-forward reaches one pod
# group: Pods and controllers
# summary: port-forward tunnels a local port through the API server and kubelet into one pod, bypassing Services and kube-proxy.
# behaviours: 7, 2

## Step: An echo pod, unreachable from your machine
kubectl run echo --image=registry.k8s.io/echoserver:1.10 --port=8080
kubectl wait --for=condition=Ready pod/echo
POD_IP=$(kubectl get pod echo -o jsonpath='{.status.podIP}')
curl -sS -m 3 http://$POD_IP:8080/
#check: last curl outcome == timeout

## Step: Forward a local port
# `kubectl port-forward` keeps running in its terminal (run it with `&` or in another one). Connections to
# localhost:9090 are carried over the API server to the kubelet, which connects to the pod's port 8080 from
# inside the pod: the app sees 127.0.0.1.
kubectl port-forward pod/echo 9090:8080 &
sleep 2
curl -s http://localhost:9090/ | grep client_address
#check: last curl servedBy == pod/echo
#check: last curl clientIPSeenByServer == 127.0.0.1
#check: last curl rules !contains KUBE-

## Step: A port nothing listens on in the pod
# kubectl accepts each connection on localhost and says so (`Handling connection for PORT`, above too). When
# nothing in the pod listens on the remote port, the kubelet's stream carries back the refusal: kubectl logs it,
# closes your connection (curl reads an empty reply) and exits with `lost connection to pod`, so the port closes.
kubectl port-forward pod/echo 9091:8081 &
sleep 2
curl -s http://localhost:9091/
curl -sS http://localhost:9091/
#check: output contains "Handling connection for 9091"
#check: output contains "error: lost connection to pod"
#check: last curl exitCode == 7
