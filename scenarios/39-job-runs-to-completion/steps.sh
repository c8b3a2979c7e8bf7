#!/usr/bin/env bash
# title: A Job runs its pods to completion
# group: Pods and controllers
# summary: Two pods at a time until three have succeeded; the pods stay, Completed, for their logs.

## Step: Pods that exit
# The Job controller keeps `parallelism` pods running until `completions` of them have exited 0. Each pod is
# labelled with the Job's name and uid, the selector the API server generated.
kubectl apply -f job.yaml
kubectl get jobs
kubectl get pods -l job-name=pi
#check: output contains "Running   0/3"

## Step: Complete
# A pod whose process exits 0 goes Succeeded (`Completed` in the STATUS column) and stays until the Job is
# deleted. The Job ends with the SuccessCriteriaMet and Complete conditions.
sleep 15
kubectl get jobs
kubectl get pods -l job-name=pi
kubectl logs job/pi
kubectl get job pi -o jsonpath='{range .status.conditions[*]}{.type}={.status}{"\n"}{end}'
#check: output contains "Complete   3/3"
#check: output contains "Completed"

## Step: Run one from the command line
# `kubectl create job` builds the same object: one container named after the Job, restartPolicy Never.
kubectl create job hello --image=busybox:1.36 -- echo hello world
kubectl wait --for=condition=complete job/hello --timeout=60s
kubectl logs job/hello
#check: last output contains "hello world"
