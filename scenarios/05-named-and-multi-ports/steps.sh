#!/usr/bin/env bash
# title: Named target ports and multi-port Services
# group: Services
# summary: One Service port reaches nginx on 80 and kubia on 8080 through a port name; several ports need names.
# behaviours: 10, 11

## Step: Two pods, one port name, two numbers
# Both pods call their web port `http`, but nginx listens on 80 and kubia on 8080.
kubectl apply -f - <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: web-a
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - name: http
      containerPort: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: web-b
  labels:
    app: web
spec:
  containers:
  - name: web
    image: luksa/kubia
    ports:
    - name: http
      containerPort: 8080
YAML

## Step: A multi-port Service without port names
# With more than one port, every port needs a `name`: the API server refuses the Service.
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: http
  - port: 443
    targetPort: 8443
YAML
#check: output contains "spec.ports[0].name: Required value"

## Step: Name the ports
# `targetPort: http` is resolved per pod, so each endpoint gets its own port number.
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
  - name: https
    port: 443
    targetPort: 8443
YAML
kubectl wait --for=condition=Ready pod -l app=web --timeout=60s
kubectl get endpoints web
kubectl get endpoints web -o yaml
kubectl describe svc web
#check: output contains "10.244."
