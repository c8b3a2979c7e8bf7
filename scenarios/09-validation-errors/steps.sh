#!/usr/bin/env bash
# title: The API server refuses bad objects
# group: Troubleshooting views
# summary: A node port outside the range, an upper-case name, a selector that misses its template, an unknown kind, broken YAML.
# behaviours: 27, 29

## Step: A nodePort outside 30000-32767
# Validation fails as a whole: nothing is created.
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: bad-nodeport
spec:
  type: NodePort
  selector:
    app: kubia
  ports:
  - port: 80
    nodePort: 80
YAML
kubectl get svc
#check: output contains "provided port is not in the valid range. The range of valid ports is 30000-32767"

## Step: Names, selectors, kinds and YAML
# Object names are lowercase DNS labels; a Deployment's selector must match its pod template's labels;
# kubectl needs to know the kind; and the YAML must parse before anything is sent.
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: Kubia
spec:
  ports:
  - port: 80
YAML
kubectl apply -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: mismatch
spec:
  selector:
    matchLabels:
      app: a
  template:
    metadata:
      labels:
        app: b
    spec:
      containers:
      - name: c
        image: nginx
YAML
kubectl apply -f - <<YAML
apiVersion: v1
kind: Widget
metadata:
  name: w
YAML
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: broken
  spec: [
YAML
#check: output contains "does not match template"
#check: every exitCode == 1

## Step: Nothing was created
kubectl get svc kubia
kubectl get all
#check: first output contains "NotFound"
