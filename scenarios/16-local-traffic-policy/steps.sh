#!/usr/bin/env bash
# title: externalTrafficPolicy Local on a cloud load balancer
# group: Getting in from outside
# summary: Two nodes with one and two pods get half the load each (50/25/25); a node without a pod drops the traffic; the pod sees the real client.
# profile: gke
# behaviours: 22, 23, 24

## Step: A three-node cluster on GKE
# Nodes on a cloud have an external IP each. Pods will run on two of them only, the ones labelled
# `pool=web`.
gcloud container clusters create demo --num-nodes 3
NODE_A=$(kubectl get nodes -o jsonpath='{.items[0].metadata.name}')
NODE_B=$(kubectl get nodes -o jsonpath='{.items[1].metadata.name}')
NODE_C=$(kubectl get nodes -o jsonpath='{.items[2].metadata.name}')
kubectl label node $NODE_A $NODE_B pool=web
#check: output contains "labeled"

## Step: Three pods on two nodes, behind a Local LoadBalancer
# The scheduler spreads the three replicas over the two labelled nodes: one gets one pod, the other two.
# `externalTrafficPolicy: Local` also gives the Service a `healthCheckNodePort`: the cloud load balancer
# asks every node there how many local endpoints it has, and only sends traffic to nodes that answer 200.
kubectl apply -f app.yaml
kubectl wait --for=condition=Ready pod -l app=web
kubectl get pods -o wide
kubectl get svc web
#check: output contains "<pending>"

## Step: The load balancer arrives
# The cloud provisions the external IP after a while.
sleep 60
kubectl get svc web
LB_IP=$(kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
#check: output !contains "<pending>"

## Step: Half the traffic per node, not per pod
# The load balancer spreads connections evenly over the two healthy nodes, and each node only uses its own
# pods. The lone pod gets half of all requests; the two others a quarter each.
for i in $(seq 1 100); do curl -s http://$LB_IP/; done | sort | uniq -c
#check: distribution curl pod ≈ 50/25/25 ±8
#check: every curl clientIPSeenByServer == 203.0.113.10

## Step: A node without a pod drops node-port traffic
# Going around the load balancer, straight to the third node's node port (once the firewall allows it),
# the connection hangs: kube-proxy on that node has no local endpoint and drops the packet.
NODE_PORT=$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')
NODE_C_IP=$(kubectl get node $NODE_C -o jsonpath='{.status.addresses[?(@.type=="ExternalIP")].address}')
gcloud compute firewall-rules create allow-web-nodeport --allow=tcp:$NODE_PORT
curl -m 5 http://$NODE_C_IP:$NODE_PORT/
#check: last curl outcome == timeout
#check: last curl actions contains drop
