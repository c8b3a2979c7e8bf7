#!/usr/bin/env bash
# title: A readiness probe decides who gets traffic
# group: Services
# summary: Pods whose `ls /var/ready` probe fails stay out of the Endpoints until the file appears.
# behaviours: 26, 9

## Step: Pods that are not ready
# The probe runs `ls /var/ready` every 10 seconds (the default period). The file does not exist, so the
# pods run but are not Ready, and the Service lists them as not-ready addresses.
kubectl apply -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 2
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
        ports:
        - containerPort: 8080
        readinessProbe:
          exec:
            command: ["ls", "/var/ready"]
---
apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  selector:
    app: kubia
  ports:
  - port: 80
    targetPort: 8080
YAML
sleep 20
kubectl get pods
kubectl get endpoints kubia
#check: output contains "0/1     Running"
#check: last output !contains ":8080"

## Step: Make one pod ready
# Creating the file is not enough by itself: the pod turns Ready at the probe's next run.
POD=$(kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}')
kubectl exec $POD -- touch /var/ready
kubectl get endpoints kubia
sleep 10
kubectl get pods
kubectl get endpoints kubia
#check: last output contains ":8080"

## Step: Take it out again
# After the file is removed the probe fails; once `failureThreshold` (3) runs in a row failed, the pod
# is NotReady again and moves back to `notReadyAddresses`.
kubectl exec $POD -- rm /var/ready
sleep 30
kubectl get endpoints kubia -o yaml
kubectl describe pod $POD | tail -n 4
#check: output contains "notReadyAddresses"
#check: output contains "Readiness probe failed"
