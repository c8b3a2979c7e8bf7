#!/usr/bin/env bash
# title: From Ingress to Gateway, side by side
# group: Getting in from outside
# summary: The book's kubia Ingress, translated by ingress2gateway into a Gateway and HTTPRoutes, with the same requests traced through ingress-nginx and through the Gateway's envoy.
# behaviours: 25, 23
# ingress-nginx is retired; the Gateway API replaces Ingress. `ingress2gateway print` writes the Gateway API
# objects for existing Ingresses. Here both stay up, so the same requests can go through each.

## Step: ingress-nginx and the apps
# The kind cluster maps ports 80/443 of your machine to the node that runs the ingress controller.
kind create cluster --config kind-config.yaml
kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.0/deploy/static/provider/kind/deploy.yaml
kubectl wait --namespace ingress-nginx --for=condition=ready pod --selector=app.kubernetes.io/component=controller --timeout=90s
kubectl apply -f apps.yaml
kubectl wait --for=condition=Ready pod --all
#check: output contains "condition met"

## Step: The book's Ingress does not translate as written
# The book's Ingress is `extensions/v1beta1`, which Kubernetes no longer serves; in `networking.k8s.io/v1` its
# paths keep the type the old API gave them, `ImplementationSpecific`, which has no Gateway API equivalent:
# ingress2gateway refuses it.
kubectl apply -f kubia-ingress-book.yaml
ingress2gateway print --providers=ingress-nginx
#check: output contains "implementationSpecific path type is not supported"

## Step: The same Ingress with explicit path types
# networking.k8s.io/v1, `pathType: Prefix`, and the book's other examples: a second path and a second host.
kubectl apply -f kubia-ingress.yaml
kubectl get ingress kubia
curl -s -H 'Host: kubia.example.com' http://localhost/
curl -s -H 'Host: kubia.example.com' http://localhost/bar
curl -s -H 'Host: foo.example.com' http://localhost/
#check: every curl path contains pod/ingress-nginx-controller-
#check: last curl pod == foo

## Step: What ingress2gateway writes
# One Gateway named after the Ingress class, a listener per host, an HTTPRoute per host with a rule per path:
# `Prefix` becomes `PathPrefix`.
ingress2gateway print --providers=ingress-nginx
#check: output contains "name: kubia-kubia-example-com"
#check: output contains "type: PathPrefix"

## Step: Run the translation on kind's gateway
# cloud-provider-kind installs the CRDs; a GatewayClass `nginx` with its controller name makes it serve the
# translated Gateway. Both entrances now lead to the same Services.
cloud-provider-kind
kubectl apply -f gatewayclass.yaml
ingress2gateway print --providers=ingress-nginx | kubectl apply -f -
kubectl wait --for=condition=Programmed gateway/nginx
kubectl get gateway nginx
kubectl get httproutes
GATEWAY=$(kubectl get gateway nginx -o jsonpath='{.status.addresses[0].value}')
#check: output contains "httproute.gateway.networking.k8s.io/kubia-foo-example-com created"

## Step: The same requests through the Gateway
# Through ingress-nginx: your machine → docker-proxy → the controller pod, which connects straight to a pod
# IP. Through the Gateway: your machine → the envoy container → the Service's cluster IP through a node, where
# kube-proxy DNATs to a pod. Same answers, different hops.
curl -s -H 'Host: kubia.example.com' http://$GATEWAY/
curl -s -H 'Host: kubia.example.com' http://$GATEWAY/bar
curl -s -H 'Host: foo.example.com' http://$GATEWAY/
#check: every curl path contains loadbalancer/
#check: every curl path !contains pod/ingress-nginx-controller-
#check: every curl actions contains DNAT
#check: last curl pod == foo
