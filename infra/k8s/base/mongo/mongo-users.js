// One MongoDB user per service, allowed to read and write its own database and nothing else; run by an
// administrator (Compose: the mongo-users service; Kubernetes: the mongo-users Job). Idempotent: an existing user
// gets the current password and only its own role. Passwords come from the environment (Secrets).
const services = {
  'org-service': { db: 'org', password: 'MONGO_PASSWORD_ORG' },
  'activity-service': { db: 'activity', password: 'MONGO_PASSWORD_ACTIVITY' },
  'study-service': { db: 'study', password: 'MONGO_PASSWORD_STUDY' },
  'discipline-service': { db: 'discipline', password: 'MONGO_PASSWORD_DISCIPLINE' },
};
for (const [user, { db: name, password }] of Object.entries(services)) {
  const pwd = process.env[password];
  if (!pwd) {
    throw new Error(password + ' is not set');
  }
  const database = db.getSiblingDB(name);
  const roles = [{ role: 'readWrite', db: name }];
  if (database.getUser(user)) {
    database.updateUser(user, { pwd, roles });
  } else {
    database.createUser({ user, pwd, roles });
  }
  print('user ' + user + ': readWrite on ' + name + ' only');
}
