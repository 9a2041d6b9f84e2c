/**
 * The leadership question: for one commune and one period, what every organization did there,
 * in one query through the gateway. The same text is in the README.
 */
export const COMMUNE_OVERVIEW = /* GraphQL */ `
  query CommuneOverview($unit: ID!, $period: ID!) {
    unit(id: $unit) {
      id
      name
      predecessors {
        predecessor {
          name
        }
      }
      front {
        activityCounts(periodId: $period) {
          type
          count
          participants
        }
      }
      police {
        activityCounts(periodId: $period) {
          type
          count
          participants
        }
      }
      veterans {
        activityCounts(periodId: $period) {
          type
          count
          participants
        }
        patrols(periodId: $period) {
          count
          memberTurns
          incidentsFound
          handedToPolice
        }
        condemnationForums(periodId: $period) {
          count
          attendance
          pledges
        }
        reintegration(periodId: $period) {
          casesSupported
          newAssignments
          visits
          outcomes {
            outcome
            count
          }
        }
        mediation(periodId: $period) {
          teams
          received
          byResult {
            result
            count
          }
        }
        atRiskSupport(periodId: $period) {
          records
          peopleHelped
        }
        tipHandovers(periodId: $period) {
          handovers
        }
      }
      women {
        activityCounts(periodId: $period) {
          type
          count
          participants
        }
        protection(periodId: $period) {
          count
          children
          referredToPolice
          byKind {
            kind
            count
          }
        }
        socialIssues(periodId: $period) {
          count
          participants
        }
        modelReplicas(periodId: $period) {
          started
          active
          peopleSupported
        }
        reintegration(periodId: $period) {
          casesSupported
          newAssignments
          visits
          outcomes {
            outcome
            count
          }
        }
        atRiskSupport(periodId: $period) {
          records
          peopleHelped
        }
      }
      youth {
        activityCounts(periodId: $period) {
          type
          count
          participants
        }
        legalEducation(periodId: $period) {
          count
          youthReached
        }
        crimeForums(periodId: $period) {
          count
          attendance
          proposals
        }
        drugPreventionProject(periodId: $period) {
          sessions
          youthReached
          clubs
          volunteerTeams
          members
        }
        reintegration(periodId: $period) {
          casesSupported
          newAssignments
          visits
          outcomes {
            outcome
            count
          }
        }
        atRiskSupport(periodId: $period) {
          records
          peopleHelped
        }
      }
      labour {
        activityCounts(periodId: $period) {
          type
          count
          participants
        }
        movement(periodId: $period) {
          establishments
          workers
          pledgesSigned
          coreTeams
          coreTeamMembers
        }
        boardingHouses(periodId: $period) {
          count
          workersLiving
          byStatus {
            status
            count
          }
        }
        disputes(periodId: $period) {
          count
          workersInvolved
          reportedAsHotspots
        }
      }
      farmers {
        activityCounts(periodId: $period) {
          type
          count
          participants
        }
        campaigns(periodId: $period) {
          count
          membersReached
          pledgesSigned
        }
        trainings(periodId: $period) {
          count
          atCommuneLevel
        }
        reintegration(periodId: $period) {
          casesSupported
          newAssignments
          visits
          outcomes {
            outcome
            count
          }
        }
        mediation(periodId: $period) {
          teams
          received
          byResult {
            result
            count
          }
        }
        atRiskSupport(periodId: $period) {
          records
          peopleHelped
        }
        tipHandovers(periodId: $period) {
          handovers
        }
      }
      elderly {
        activityCounts(periodId: $period) {
          type
          count
          participants
        }
        familyPledges(periodId: $period) {
          count
          familiesSigned
          familiesTotal
          share
        }
        reintegration(periodId: $period) {
          casesSupported
          newAssignments
          visits
          outcomes {
            outcome
            count
          }
        }
        mediation(periodId: $period) {
          teams
          received
          byResult {
            result
            count
          }
        }
        atRiskSupport(periodId: $period) {
          records
          peopleHelped
        }
        tipHandovers(periodId: $period) {
          handovers
        }
      }
      infocomm {
        activityCounts(periodId: $period) {
          type
          count
          participants
        }
        media(periodId: $period) {
          count
          reach
          byBody {
            body {
              nameVi
            }
            count
          }
        }
        onlineWarnings(periodId: $period) {
          count
        }
        goodExamples(periodId: $period) {
          count
        }
      }
    }
  }
`;
