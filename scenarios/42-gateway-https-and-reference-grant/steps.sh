#!/usr/bin/env bash
# title: Gateway HTTPS listeners and ReferenceGrant
# group: Getting in from outside
# summary: An HTTPS listener terminates TLS with a kubernetes.io/tls Secret (not programmed until the Secret exists), and an HTTPRoute reaches a Service in another namespace only once a ReferenceGrant there allows it.
# behaviours: 23, 25
# The Gateway API's answers to two Ingress questions: where the certificate lives (a listener's certificateRefs),
# and who may send traffic to a namespace's Services (its own ReferenceGrants, not the route's author).

## Step: cloud-provider-kind, an app in namespace shop
kind create cluster
cloud-provider-kind
kubectl apply -f apps.yaml
kubectl wait --for=condition=Available deployment --all -n shop
kubectl get crd referencegrants.gateway.networking.k8s.io
#check: output contains "referencegrants.gateway.networking.k8s.io"

## Step: An HTTPS listener whose Secret does not exist yet
# The listener is accepted but its certificateRef does not resolve: ResolvedRefs is False with reason
# InvalidCertificateRef, the listener is not programmed, and so neither is the Gateway.
kubectl apply -f gateway.yaml -f route.yaml
sleep 5
kubectl get gateway web
kubectl get gateway web -o jsonpath='{range .status.listeners[*]}{.name}: {range .conditions[*]}{.type}={.status}/{.reason} {end}{"\n"}{end}'
#check: output contains "ResolvedRefs=False/InvalidCertificateRef"
#check: output contains "Programmed=False/Invalid"

## Step: The Secret arrives: envoy serves its certificate
# `kubectl create secret tls` stores the self-signed certificate for kubia.example.com; the controller programs the
# listener, and envoy presents that certificate to a client whose SNI name is kubia.example.com.
kubectl create secret tls kubia-tls --cert=tls.crt --key=tls.key
kubectl wait --for=condition=Programmed gateway/web
GATEWAY=$(kubectl get gateway web -o jsonpath='{.status.addresses[0].value}')
curl -skv --resolve kubia.example.com:443:$GATEWAY https://kubia.example.com/ 2>&1 | grep subject
curl --resolve kubia.example.com:443:$GATEWAY https://kubia.example.com/
#check: output contains "subject: CN=kubia.example.com"
#check: last exitCode == 60

## Step: A route to another namespace's Service is refused
# The HTTPRoute in `default` names Service shop/kubia. Nothing in `shop` allows that, so the route's ResolvedRefs
# is False with reason RefNotPermitted, and envoy answers 500 for the invalid backend.
kubectl get httproute kubia -o jsonpath='{range .status.parents[*].conditions[*]}{.type}={.status}/{.reason} {end}{"\n"}'
curl -sk -o /dev/null -w '%{http_code}\n' --resolve kubia.example.com:443:$GATEWAY https://kubia.example.com/
#check: output contains "ResolvedRefs=False/RefNotPermitted"
#check: output contains "500"

## Step: A ReferenceGrant in shop lets routes from default in
# The grant lives in the target namespace: its owner decides who may reference its Services.
kubectl apply -f grant.yaml
sleep 2
kubectl get referencegrant -n shop
kubectl get httproute kubia -o jsonpath='{range .status.parents[*].conditions[*]}{.type}={.status}/{.reason} {end}{"\n"}'
curl -sk --resolve kubia.example.com:443:$GATEWAY https://kubia.example.com/
#check: output contains "ResolvedRefs=True/ResolvedRefs"
#check: last curl servedBy == pod/kubia-*
