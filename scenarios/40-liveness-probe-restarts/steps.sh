#!/usr/bin/env bash
# title: A liveness probe restarts a sick container, with back-off
# group: Pods and controllers
# summary: kubia-unhealthy answers 500 from its sixth request; the kubelet kills it after three failed probes and restarts it, waiting longer each time.

## Step: A container that falls ill
# `luksa/kubia-unhealthy` (the image of "Kubernetes in Action", chapter 4) answers its first five requests and
# then only `500 I'm not well`. The kubelet's probe is an HTTP GET every 10 seconds (the default period), and
# it counts as a request too: the probes at 0, 10, 20, 30 and 40 s pass.
kubectl apply -f kubia-liveness.yaml
kubectl wait --for=condition=Ready pod/kubia-liveness --timeout=60s
kubectl get pod kubia-liveness
#check: last output contains "1/1     Running   0"

## Step: Three failures, then the kill
# From the sixth GET on the probe fails; after `failureThreshold` (3) failures in a row the kubelet kills the
# container. node.js as PID 1 ignores SIGTERM, so it dies of SIGKILL when the 30 s grace period is over
# (exit code 137), and the first restart follows at once. The previous instance's log shows the probe's eight
# GETs (app.js logs every request): five answered 200, three answered 500, then no probe until the kill.
sleep 110
kubectl get pod kubia-liveness
kubectl describe pod kubia-liveness | grep -A 5 'Last State'
kubectl logs kubia-liveness --previous
kubectl get events --field-selector involvedObject.name=kubia-liveness,reason!=Pulled
#check: output contains "1 ("
#check: output contains "Exit Code:    137"
#check: output contains "Container kubia failed liveness probe, will be restarted"

## Step: Restarts with back-off
# Each new process counts from zero, so each one lives about 100 s. From the second kill on the crash back-off
# applies (10 s, doubling up to 5 minutes): between restarts the pod shows `CrashLoopBackOff`. The events are
# folded as the event recorder does: one Event per message, its count climbing.
sleep 480
kubectl get pod kubia-liveness
kubectl describe pod kubia-liveness | grep -A 20 '^Events:'
#check: output contains "CrashLoopBackOff"
#check: output contains "Back-off restarting failed container kubia in pod kubia-liveness_default"
#check: output contains "Liveness probe failed: HTTP probe failed with statuscode: 500"

## Step: A startup probe holds liveness back
# A container that starts slowly gets a `startupProbe`: until it succeeds, neither the liveness nor the
# readiness probe runs, and the container is neither started nor ready. Here it succeeds once `/tmp/started`
# exists; had it failed 30 times (150 s), the container would have been killed like a liveness failure.
kubectl apply -f slow-start.yaml
sleep 30
kubectl get pod slow-start -o jsonpath='{.status.containerStatuses[0].started} {.status.containerStatuses[0].ready}{"\n"}'
kubectl exec slow-start -- touch /tmp/started
sleep 10
kubectl get pod slow-start -o jsonpath='{.status.containerStatuses[0].started} {.status.containerStatuses[0].ready}{"\n"}'
kubectl get pod slow-start
#check: output contains "false false"
#check: output contains "true true"
#check: last output contains "1/1     Running"
