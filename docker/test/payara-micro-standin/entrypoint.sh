#!/bin/sh
# Same convention as the official payara/micro image: JVM options from the environment, Payara
# Micro options from the command (default: auto-deploy /opt/payara/deployments).
set -e
exec java -XX:MaxRAMPercentage="${MEM_MAX_RAM_PERCENTAGE}" -Xss"${MEM_XSS}" -XX:+UseContainerSupport ${JVM_ARGS} -jar payara-micro.jar "$@"
