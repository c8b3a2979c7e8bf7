#!/usr/bin/env bash
# title: A LoadBalancer Service on minikube
# group: Getting in from outside
# summary: minikube tunnel gives LoadBalancer Services an address reachable from your machine; minikube service prints a URL.
# behaviours: 23, 20
# profile: minikube

## Step: Start minikube
minikube start
kubectl get nodes -o wide
#check: output contains "minikube"

## Step: Pending until the tunnel runs
kubectl apply -f app.yaml
kubectl wait --for=condition=Ready pod -l app=kubia
kubectl get svc kubia-lb
minikube service kubia-lb --url
#check: output contains "<pending>"

## Step: minikube tunnel
# `minikube tunnel` keeps running (in another terminal, or in the background with `&`): it adds a route for the
# service range through the minikube node and gives LoadBalancer Services their cluster IP as external IP.
minikube tunnel &
kubectl get svc kubia-lb
LB_IP=$(kubectl get svc kubia-lb -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
curl -s http://$LB_IP/
#check: last curl outcome == delivered
#check: last curl rules contains "10.96.0.0/12 via 192.168.49.2"
