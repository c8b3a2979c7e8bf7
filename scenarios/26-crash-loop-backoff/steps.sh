#!/usr/bin/env bash
# title: A crashing container is restarted, with a growing back-off
# group: Pods and controllers
# summary: The kubelet restarts a container that exits, waiting 10 s, then 20 s, then 40 s between tries: CrashLoopBackOff.
# behaviours: 3

## Step: A container that exits at once
# `restartPolicy: Always` (the default for `kubectl run`) means the kubelet starts the container again
# whenever its process exits. This one prints a line and exits with code 1.
kubectl run crash --image=busybox -- sh -c 'echo "starting, then failing"; exit 1'
kubectl get pod crash
#check: output contains "ContainerCreating"

## Step: Watch it crash-loop
# The first restart comes at once; after that the kubelet waits 10 s, then doubles the wait (up to 5 min).
# While it waits the pod shows `CrashLoopBackOff`; RESTARTS says how long ago the last one was.
sleep 15
kubectl get pod crash
sleep 30
kubectl get pod crash
#check: output contains "CrashLoopBackOff"
#check: last output contains "3 ("

## Step: Read what the process wrote
# `kubectl logs` shows the last instance's output, `--previous` the one before it; the container status
# keeps the last exit code.
kubectl logs crash
kubectl logs crash --previous
kubectl get pod crash -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}{"\n"}'
kubectl describe pod crash | tail -n 8
#check: output contains "starting, then failing"
#check: output contains "Back-off restarting failed container crash"

## Step: A process that ends well is Completed
# With `--restart=Never` the kubelet does not restart it: exit 0 makes the pod `Completed` (phase Succeeded).
kubectl run once --image=busybox --restart=Never -- sh -c 'echo all done'
sleep 10
kubectl get pod once
kubectl logs once
#check: last output contains "all done"
#check: output contains "Completed"
