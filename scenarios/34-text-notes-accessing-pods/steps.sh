#!/usr/bin/env bash
# title: Text: study notes on accessing pods (port-forward, Services, NodePort, LoadBalancer)
# group: Getting in from outside
# summary: The notes' commands in order on GKE: port-forward to one pod, a Service from YAML and from kubectl expose, exec curl, endpoints by hand, a node port that the VPC firewall blocks until a rule opens it, a load balancer.
# behaviours: 7, 9, 15, 20, 23, 24
# profile: gke
# The notes (seed 000) summarise the book's chapter; their pods (`kubia-manual`, the `kubia`
# ReplicationController) come from the book's earlier chapters, created first here.

## Step: The pods from the earlier chapters
gcloud container clusters create kubia --num-nodes 3
kubectl create -f kubia-manual.yaml
kubectl create -f kubia-rc.yaml
kubectl wait --for=condition=Ready pod --all
#check: output contains "pod/kubia-manual condition met"

## Step: Port-forward to one pod
# kubectl listens on localhost:8888 and carries each connection to the pod's port 8080 through the API
# server, no Service involved. (On a real machine it keeps running: curl from another terminal.)
kubectl port-forward kubia-manual 8888:8080
curl localhost:8888
#check: last curl servedBy == pod/kubia-manual
#check: last curl rules !contains KUBE-SVC-

## Step: A Service, from YAML and from kubectl expose
# `kubectl expose` now prints `service/kubia-http exposed` (the notes show the older `service "kubia-http" exposed`).
kubectl create -f kubia-srv.yaml
kubectl expose rc kubia --type=LoadBalancer --name kubia-http
kubectl get svc
POD=$(kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}')
kubectl exec $POD -- curl -s http://$(kubectl get svc kubia -o jsonpath='{.spec.clusterIP}')
#check: output contains "service/kubia-http exposed"
#check: last curl outcome == delivered

## Step: Endpoints, and endpoints by hand
kubectl describe svc kubia
kubectl get endpoints kubia
kubectl create -f external-service.yaml
kubectl create -f external-service-endpoints.yaml
kubectl get endpoints external-service
#check: output contains "11.11.11.11:80,22.22.22.22:80"

## Step: A NodePort Service, closed by the VPC firewall
# The notes curl a node's external address on port 30123 right away. On GKE the VPC firewall drops it until a
# rule allows the port (the book creates one); without it curl waits until it gives up.
kubectl create -f kubia-svc-nodeport.yaml
kubectl get svc kubia-nodeport
kubectl get nodes -o \
  jsonpath='{.items[*].status.addresses[?(@.type=="ExternalIP")].address}'
NODE_IP=$(kubectl get nodes -o jsonpath='{.items[0].status.addresses[?(@.type=="ExternalIP")].address}')
curl -m 5 http://$NODE_IP:30123
#check: last curl outcome == timeout
#check: last curl actions contains drop

## Step: Open the port, then through the node
gcloud compute firewall-rules create kubia-svc-rule --allow=tcp:30123
curl http://$NODE_IP:30123
#check: last curl outcome == delivered

## Step: A load balancer
kubectl create -f kubia-svc-loadbalancer.yaml
sleep 60
kubectl get svc kubia-loadbalancer
curl http://$(kubectl get svc kubia-loadbalancer -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
# The notes: "With `kubectl explain`, you can double-check that the service's session affinity is still set to
# `None`". explain documents the field (its values, its default); the Service's own value is in its spec.
kubectl explain service.spec.sessionAffinity
kubectl get svc kubia-loadbalancer -o jsonpath='{.spec.sessionAffinity}{"\n"}'
#check: output contains "ENUM:"
#check: last kubectl output == "None\n"
#check: last curl path contains loadbalancer/
#check: last curl outcome == delivered
