#!/usr/bin/env bash
# title: Ingress routes by host and path
# group: Getting in from outside
# summary: ingress-nginx on kind sends foo.example.com and shop.example.com/foo to one app, shop.example.com/bar to another, and answers 404 itself.
# behaviours: 25, 27

## Step: A kind cluster ready for an ingress controller
# The control-plane node maps ports 80 and 443 of your machine and carries the `ingress-ready` label that
# kind's ingress-nginx manifest selects.
kind create cluster --config kind-config.yaml
kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.0/deploy/static/provider/kind/deploy.yaml
kubectl wait --namespace ingress-nginx --for=condition=ready pod --selector=app.kubernetes.io/component=controller --timeout=90s
#check: output contains "condition met"

## Step: Two apps and an Ingress
# `http-echo` answers with the text it was given. The Ingress has two hosts; the second routes by path.
kubectl apply -f apps.yaml
kubectl apply -f ingress.yaml
kubectl wait --for=condition=Ready pod --all
sleep 30
kubectl get ingress demo
kubectl describe ingress demo
#check: output contains "localhost"

## Step: Routing by Host header
# curl to localhost reaches the controller through the port mapping; `-H Host:` picks the rule.
curl -s -H 'Host: foo.example.com' http://localhost/anything
curl -s -H 'Host: shop.example.com' http://localhost/foo/x
curl -s -H 'Host: shop.example.com' http://localhost/bar
#check: first curl servedBy == pod/foo
#check: last curl servedBy == pod/bar
#check: any curl path contains pod/ingress-nginx-controller-

## Step: What does not match
# `/bar` is an Exact path, so `/bar/baz` matches no rule; an unknown host matches nothing either. The
# controller answers 404 itself.
curl -s -o /dev/null -w '%{http_code}\n' -H 'Host: shop.example.com' http://localhost/bar/baz
curl -s -H 'Host: other.example.com' http://localhost/
#check: output contains "404"
#check: last curl servedBy == pod/ingress-nginx-controller-*

## Step: Straight to the pod
# The controller reads the Endpoints itself and connects to a pod IP, not to the Service's cluster IP:
# no KUBE-SVC rule on the way in.
curl -s --resolve foo.example.com:80:127.0.0.1 http://foo.example.com/
#check: last curl rules !contains KUBE-SVC-
#check: last curl servedBy == pod/foo
