# Builds the playground and runs it. Used by docker-compose.yml.
# The base of the gpu stages below (an ARG before the first FROM, so that FROM lines can use it).
ARG TORNADOVM_IMAGE=beehivelab/tornadovm-nvidia-opencl-jdk25:latest
FROM maven:3.9-eclipse-temurin-17 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
COPY frontend frontend
COPY src src
COPY exercises exercises
RUN mvn -B -DskipTests package

# ---- The gpu image (stage gpu): the playground with the tornado engine on an NVIDIA GPU; BuildKit builds these
# stages only when asked for that target ----
#   docker-compose --profile gpu up --build     (needs the NVIDIA Container Toolkit on the host)
# Built on TornadoVM's published image, which ships a prebuilt TornadoVM SDK on a JDK 25 (TORNADOVM_HOME): the
# application is compiled against that SDK's own tornado-api, since code built against another TornadoVM release
# does not run on it. -cuda- images use the PTX backend instead of OpenCL (Turing or newer GPUs).
FROM ${TORNADOVM_IMAGE} AS gpu-build
RUN apt-get update && apt-get install -y --no-install-recommends maven nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
COPY frontend frontend
COPY src src
COPY exercises exercises
# The profile's module path lists the 5.2.0 SDK's jars by name; here it is every jar of this SDK, less TornadoVM's
# test, benchmark and NVIDIA-library jars and their libraries, which would override the application's copies.
RUN lib=$TORNADOVM_HOME/share/java/tornado \
    && version=$(basename $lib/tornado-api-*.jar .jar | sed 's/^tornado-api-//') \
    && path=$(ls $lib/*.jar | grep -Ev '/(junit|hamcrest|log4j|commons-lang|jmh|jopt|jsr305|ejml|lucene|tornado-(unittests|benchmarks|examples|fuzz|matrices|cu[a-z]+))[^/]*\.jar$' | paste -sd:) \
    && mvn -B -DskipTests -Dtornado.version=$version -Dtornado.module.path=$path package

FROM ${TORNADOVM_IMAGE} AS gpu
# tornado-jvm-args.txt names the kernels' jar by its absolute path in the build stage: the same path here
COPY --from=gpu-build /src/target/*.jar /src/target/tornado-jvm-args.txt /src/target/
COPY exercises /app/exercises
WORKDIR /app
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java @/src/target/tornado-jvm-args.txt -jar $(ls /src/target/convolution-playground-*.jar | grep -v tornado-kernels)"]

# ---- The default image: the playground on the cpu engine (the last stage, what `docker build .` gives) ----
# The JDK image, not the JRE one: the JRE image holds only a subset of the JDK's modules, and the cpu engine's
# Vector API variant needs jdk.incubator.vector (started below with --add-modules; without it Java refuses to start).
FROM eclipse-temurin:17-jdk
WORKDIR /app
COPY --from=build /src/target/convolution-playground-*.jar app.jar
COPY exercises exercises
EXPOSE 8080
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "-jar", "/app/app.jar"]

