#!/usr/bin/env bash
# title: A Service without a selector, and Endpoints made by hand
# group: Services
# summary: A Service for a database outside the cluster gets its addresses from an Endpoints object you write.
# behaviours: 15

## Step: A Service with no selector
# Without a selector the endpoints controller leaves this Service alone: no Endpoints object appears.
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: external-db
spec:
  ports:
  - port: 5432
YAML
kubectl get endpoints external-db
#check: output contains "NotFound"

## Step: Write the Endpoints yourself
# An Endpoints object with the Service's name fills the gap; its addresses may be anywhere, here two
# database servers outside the cluster. The EndpointSlice mirroring controller copies it into a slice.
kubectl apply -f - <<YAML
apiVersion: v1
kind: Endpoints
metadata:
  name: external-db
subsets:
- addresses:
  - ip: 203.0.113.10
  - ip: 203.0.113.11
  ports:
  - port: 5432
YAML
kubectl get endpoints external-db
kubectl describe svc external-db
kubectl get endpointslices
#check: output contains "203.0.113.10:5432,203.0.113.11:5432"
