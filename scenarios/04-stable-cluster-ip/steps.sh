#!/usr/bin/env bash
# title: A Service keeps its cluster IP while pods come and go
# group: Services
# summary: Replace every pod behind a Service; the cluster IP stays, the Endpoints follow the new pods.
# behaviours: 8, 9, 27

## Step: Expose a Deployment
# `kubectl expose` creates a ClusterIP Service with the Deployment's selector. The API server allocates a
# cluster IP from the service range (kind: 10.96.0.0/16), and the endpoints controller lists the ready
# pods' IP:targetPort pairs.
kubectl create deployment kubia --image=luksa/kubia --replicas=3
kubectl expose deployment kubia --port=80 --target-port=8080
kubectl wait --for=condition=Ready pod -l app=kubia --timeout=60s
kubectl get svc kubia
kubectl get endpoints kubia
#check: output contains ":8080,"

## Step: Replace every pod
# Deleting all the pods makes the ReplicaSet create three new ones, with new IPs.
kubectl delete pod -l app=kubia
kubectl wait --for=condition=Ready pod -l app=kubia --timeout=60s
kubectl get pods -o wide

## Step: Same cluster IP, new endpoints
# The Service object never changed, so neither did its IP; its Endpoints and EndpointSlice now list the
# new pod IPs.
kubectl get svc kubia
kubectl get endpoints kubia
kubectl get endpointslices -l kubernetes.io/service-name=kubia
kubectl describe svc kubia
#check: last output contains "TargetPort:               8080/TCP"
