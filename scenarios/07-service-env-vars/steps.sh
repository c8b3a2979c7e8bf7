#!/usr/bin/env bash
# title: Service environment variables depend on creation order
# group: Services
# summary: A pod started before a Service has no KUBIA_* variables; one started after it has them all.
# behaviours: 18

## Step: A pod, then a Service, then another pod
# The kubelet writes `<NAME>_SERVICE_HOST`, `_SERVICE_PORT` and the docker-link style `_PORT_*` variables
# for the Services that exist when it starts a container. It never updates a running container.
kubectl run before --image=luksa/kubia
kubectl wait --for=condition=Ready pod/before --timeout=60s
kubectl create deployment kubia --image=luksa/kubia
kubectl expose deployment kubia --port=80 --target-port=8080
kubectl run after --image=luksa/kubia
kubectl wait --for=condition=Ready pod/after --timeout=60s

## Step: Compare their environments
# `before` finds nothing (grep exits 1); `after` sees the Service. Every pod sees `kubernetes`, which
# existed before both.
kubectl exec before -- env | grep KUBIA
kubectl exec after -- env | grep KUBIA | sort
kubectl exec after -- env | grep KUBERNETES_SERVICE
#check: first exitCode == 1
#check: output contains "KUBIA_SERVICE_HOST=10.96."
#check: output contains "KUBIA_PORT_80_TCP_PROTO=tcp"
