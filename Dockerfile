# Builds the playground and runs it. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
COPY frontend frontend
COPY src src
COPY exercises exercises
RUN mvn -B -DskipTests package

# The JDK image, not the JRE one: the JRE image holds only a subset of the JDK's modules, and the cpu engine's
# Vector API variant needs jdk.incubator.vector (started below with --add-modules; without it Java refuses to start).
FROM eclipse-temurin:17-jdk
WORKDIR /app
COPY --from=build /src/target/convolution-playground-*.jar app.jar
COPY exercises exercises
EXPOSE 8080
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "-jar", "/app/app.jar"]
