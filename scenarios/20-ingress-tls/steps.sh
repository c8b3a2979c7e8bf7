#!/usr/bin/env bash
# title: TLS terminates at the ingress controller
# group: Getting in from outside
# summary: A tls Secret and a tls section make ingress-nginx serve HTTPS for kubia.example.com, redirect HTTP, and talk plain HTTP to the pods.
# behaviours: 25

## Step: kind with ingress-nginx
kind create cluster --config kind-config.yaml
kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.0/deploy/static/provider/kind/deploy.yaml
kubectl wait --namespace ingress-nginx --for=condition=ready pod --selector=app.kubernetes.io/component=controller --timeout=90s
#check: output contains "condition met"

## Step: A certificate in a Secret
# `tls.crt` and `tls.key` are a self-signed certificate for kubia.example.com (made with
# `openssl req -x509 -nodes -newkey rsa:2048 -subj /CN=kubia.example.com ...`). `kubectl create secret tls`
# stores them as a `kubernetes.io/tls` Secret.
kubectl create secret tls kubia-tls --cert=tls.crt --key=tls.key
kubectl get secret kubia-tls
#check: output contains "kubernetes.io/tls"

## Step: An Ingress with a tls section
kubectl apply -f apps.yaml
kubectl wait --for=condition=Ready pod -l app=kubia
sleep 30
kubectl get ingress kubia
#check: output contains "80, 443"

## Step: HTTPS to the controller, HTTP to the pod
# The certificate is self-signed, so curl needs `-k`. The controller decrypts and forwards plain HTTP to
# a kubia pod on 8080. Plain HTTP to the host gets a 308 redirect to HTTPS.
curl -sk --resolve kubia.example.com:443:127.0.0.1 https://kubia.example.com/
curl -s -o /dev/null -w '%{http_code}\n' --resolve kubia.example.com:80:127.0.0.1 http://kubia.example.com/
curl --resolve kubia.example.com:443:127.0.0.1 https://kubia.example.com/
#check: first curl servedBy == pod/kubia-*
#check: output contains "308"
#check: last exitCode == 60

## Step: Which certificate did the controller present?
# The one from the Secret, chosen by the SNI name `kubia.example.com`.
curl -skv --resolve kubia.example.com:443:127.0.0.1 https://kubia.example.com/ 2>&1 | grep subject
#check: output contains "subject: CN=kubia.example.com"
