#!/usr/bin/env bash
# The members' security group on plain EC2: port 5701-5703 (Hazelcast) from the group itself, nothing else. Notebook
# instances join the same group. Usage: docker/aws/member-security-group.sh VPC_ID [REGION]
set -euo pipefail
vpc="${1:?usage: $0 VPC_ID [REGION]}"
region="${2:-us-east-1}"
sg=$(aws ec2 create-security-group --region "$region" --vpc-id "$vpc" --group-name qspace-grid \
  --description "qspace grid: Hazelcast from members and notebooks only" --query GroupId --output text)
aws ec2 authorize-security-group-ingress --region "$region" --group-id "$sg" \
  --ip-permissions "IpProtocol=tcp,FromPort=5701,ToPort=5703,UserIdGroupPairs=[{GroupId=$sg}]"
echo "$sg"
