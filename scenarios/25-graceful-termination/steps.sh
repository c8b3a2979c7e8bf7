#!/usr/bin/env bash
# title: A deleted pod is Terminating, and out of the Service at once
# group: Pods and controllers
# summary: Delete a pod without waiting: it stays Terminating for its grace period, but its Service stops sending it traffic the moment it is marked.
# behaviours: 3, 9

## Step: Three kubia pods behind a Service, and a client
# luksa/kubia runs `node app.js` as PID 1. The kernel delivers no signal to PID 1 unless it installs a
# handler, and Node.js installs none for SIGTERM: such a pod ignores the kubelet's SIGTERM and is killed
# only when its grace period (`terminationGracePeriodSeconds`, 30 s by default) ends.
kubectl create deployment kubia --image=luksa/kubia --replicas=3
kubectl expose deployment kubia --port=80 --target-port=8080
kubectl run client --image=curlimages/curl --command -- sleep 3600
# The images take a few seconds to pull: wait until the four pods run before looking at them.
kubectl wait --for=condition=Ready pod -l app=kubia
kubectl wait --for=condition=Ready pod/client
kubectl get pods -l app=kubia -o wide
#check: output contains "Running"

## Step: Delete one pod without waiting for it
# `kubectl delete` normally waits until the pod is gone; `--wait=false` returns as soon as the API server has
# marked it (`deletionTimestamp`). The pod is `Terminating`: its process still runs, but the EndpointSlice
# controller now lists it `ready: false`, `serving: true`, `terminating: true`, and the Endpoints object drops it.
# The ReplicaSet already counts it as gone and starts a replacement.
POD=$(kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}')
kubectl delete pod $POD --wait=false
kubectl get pods -l app=kubia
kubectl get endpointslices -l kubernetes.io/service-name=kubia -o jsonpath='{range .items[*].endpoints[*]}{.targetRef.name}{" "}{.conditions}{"\n"}{end}'
kubectl get endpoints kubia
#check: output contains "Terminating"
#check: last output !contains $POD

## Step: Traffic to the Service never reaches it
# kube-proxy programs only ready endpoints (and falls back to serving-terminating ones only when no endpoint is
# ready), so every request lands on one of the three running pods.
# The replacement takes a moment to start: wait for the Deployment to have three available pods again.
kubectl rollout status deployment/kubia
for i in 1 2 3 4 5 6 7 8 9; do kubectl exec client -- curl -s http://kubia; done
#check: every curl outcome == delivered
#check: every curl pod != $POD
#check: distinct curl pod == 3

## Step: After its grace period it is gone
# The kubelet sent SIGTERM when the pod was marked (its `Killing` event) and SIGKILL 30 s later; it reported the
# container's end (exit code 137: a moment of `0/1 Error`), tore the sandbox down and deleted the pod for good.
# Its events outlive it (for an hour, the API server's event TTL).
sleep 30
kubectl get events --field-selector involvedObject.name=$POD
kubectl get pods -l app=kubia
#check: output contains "Stopping container kubia"
#check: last output !contains $POD
